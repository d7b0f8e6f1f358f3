using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.History.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MonthPartitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history_archives",
                columns: table => new
                {
                    month_start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    month_end = table.Column<DateTime>(type: "TEXT", nullable: false),
                    table_name = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    entry_count = table.Column<long>(type: "INTEGER", nullable: false),
                    first_position = table.Column<long>(type: "INTEGER", nullable: false),
                    last_position = table.Column<long>(type: "INTEGER", nullable: false),
                    archive_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_archives", x => x.month_start);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "history_archives");
        }
    }
}
