using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScheduleIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_state",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "ix_projects_state_planned_completion_date",
                table: "projects",
                columns: new[] { "state", "planned_completion_date" })
                .Annotation("Npgsql:IndexInclude", new[] { "planned_start_date", "actual_completion_date", "total_investment_yuan", "cumulative_completed_investment_yuan", "city_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_state_planned_completion_date",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "ix_projects_state",
                table: "projects",
                column: "state");
        }
    }
}
