using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportingReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_investment_reports_year_month_project_id",
                table: "investment_reports");

            migrationBuilder.CreateTable(
                name: "overdue_reminders",
                columns: table => new
                {
                    project_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    remind_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_overdue_reminders", x => new { x.project_id, x.year, x.month });
                    table.ForeignKey(
                        name: "fk_overdue_reminders_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_projects_actual_start_date",
                table: "projects",
                column: "actual_start_date")
                .Annotation("Npgsql:IndexInclude", new[] { "actual_completion_date", "state", "city_code", "county_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_investment_reports_year_month_project_id",
                table: "investment_reports",
                columns: new[] { "year", "month", "project_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "completed_investment_yuan", "create_time" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "overdue_reminders");

            migrationBuilder.DropIndex(
                name: "ix_projects_actual_start_date",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_investment_reports_year_month_project_id",
                table: "investment_reports");

            migrationBuilder.CreateIndex(
                name: "ix_investment_reports_year_month_project_id",
                table: "investment_reports",
                columns: new[] { "year", "month", "project_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "completed_investment_yuan" });
        }
    }
}
