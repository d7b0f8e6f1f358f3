using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_investment_reports_year_month",
                table: "investment_reports");

            migrationBuilder.CreateIndex(
                name: "ix_projects_county_code",
                table: "projects",
                column: "county_code");

            migrationBuilder.CreateIndex(
                name: "ix_projects_display_name_id",
                table: "projects",
                columns: new[] { "display_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_enterprise_uscc",
                table: "projects",
                column: "enterprise_uscc");

            migrationBuilder.CreateIndex(
                name: "ix_projects_gbt4754class",
                table: "projects",
                column: "gbt4754class");

            migrationBuilder.CreateIndex(
                name: "ix_projects_planned_start_date",
                table: "projects",
                column: "planned_start_date");

            migrationBuilder.CreateIndex(
                name: "ix_projects_state",
                table: "projects",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "ix_projects_total_investment_yuan_id",
                table: "projects",
                columns: new[] { "total_investment_yuan", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_update_time_id",
                table: "projects",
                columns: new[] { "update_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_investment_reports_update_time",
                table: "investment_reports",
                column: "update_time");

            migrationBuilder.CreateIndex(
                name: "ix_investment_reports_year_month_project_id",
                table: "investment_reports",
                columns: new[] { "year", "month", "project_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "completed_investment_yuan" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_county_code",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_projects_display_name_id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_projects_enterprise_uscc",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_projects_gbt4754class",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_projects_planned_start_date",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_projects_state",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_projects_total_investment_yuan_id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_projects_update_time_id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_investment_reports_update_time",
                table: "investment_reports");

            migrationBuilder.DropIndex(
                name: "ix_investment_reports_year_month_project_id",
                table: "investment_reports");

            migrationBuilder.CreateIndex(
                name: "ix_investment_reports_year_month",
                table: "investment_reports",
                columns: new[] { "year", "month" })
                .Annotation("Npgsql:IndexInclude", new[] { "completed_investment_yuan" });
        }
    }
}
