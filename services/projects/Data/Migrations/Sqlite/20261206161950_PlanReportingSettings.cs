using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanReportingSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "reporting_deadline_day",
                table: "plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "schedule_lag_tolerance_points",
                table: "plans",
                type: "REAL",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "plans",
                keyColumn: "year",
                keyValue: 2024,
                columns: new[] { "reporting_deadline_day", "schedule_lag_tolerance_points" },
                values: new object[] { null, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reporting_deadline_day",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "schedule_lag_tolerance_points",
                table: "plans");
        }
    }
}
