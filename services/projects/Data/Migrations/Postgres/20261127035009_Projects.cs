using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Projects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    project_code = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    enterprise_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    enterprise_display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    county_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    city_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    industry = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    gbt4754class = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    nature = table.Column<int>(type: "integer", nullable: false),
                    total_investment_yuan = table.Column<long>(type: "bigint", nullable: false),
                    equipment_investment_yuan = table.Column<long>(type: "bigint", nullable: false),
                    tier = table.Column<int>(type: "integer", nullable: false),
                    planned_start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    planned_completion_date = table.Column<DateOnly>(type: "date", nullable: true),
                    actual_start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    actual_completion_date = table.Column<DateOnly>(type: "date", nullable: true),
                    actual_production_date = table.Column<DateOnly>(type: "date", nullable: true),
                    cluster = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    park = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    digital_transformation = table.Column<bool>(type: "boolean", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    state_date = table.Column<DateOnly>(type: "date", nullable: false),
                    state_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    cumulative_completed_investment_yuan = table.Column<long>(type: "bigint", nullable: false),
                    latest_report_period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "investment_reports",
                columns: table => new
                {
                    project_id = table.Column<string>(type: "character varying(63)", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    completed_investment_yuan = table.Column<long>(type: "bigint", nullable: false),
                    progress_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_investment_reports", x => new { x.project_id, x.year, x.month });
                    table.ForeignKey(
                        name: "fk_investment_reports_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_investment_reports_year_month",
                table: "investment_reports",
                columns: new[] { "year", "month" })
                .Annotation("Npgsql:IndexInclude", new[] { "completed_investment_yuan" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_city_code_state",
                table: "projects",
                columns: new[] { "city_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_cluster",
                table: "projects",
                column: "cluster");

            migrationBuilder.CreateIndex(
                name: "ix_projects_create_time_id",
                table: "projects",
                columns: new[] { "create_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_park",
                table: "projects",
                column: "park");

            migrationBuilder.CreateIndex(
                name: "ix_projects_project_code",
                table: "projects",
                column: "project_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_tier_actual_start_date_actual_completion_date",
                table: "projects",
                columns: new[] { "tier", "actual_start_date", "actual_completion_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "investment_reports");

            migrationBuilder.DropTable(
                name: "projects");
        }
    }
}
