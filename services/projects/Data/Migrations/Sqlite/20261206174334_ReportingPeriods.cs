using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportingPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "correction_reason",
                table: "investment_reports",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "closed_periods",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    month = table.Column<int>(type: "INTEGER", nullable: false),
                    plan_progress = table.Column<byte[]>(type: "BLOB", nullable: false),
                    reporting_status = table.Column<byte[]>(type: "BLOB", nullable: true),
                    lagging_projects = table.Column<byte[]>(type: "BLOB", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closed_periods", x => new { x.year, x.month });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "closed_periods");

            migrationBuilder.DropColumn(
                name: "correction_reason",
                table: "investment_reports");
        }
    }
}
