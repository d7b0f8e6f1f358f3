using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.History.Data.Migrations.Postgres
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
                    month_start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    month_end = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    table_name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    entry_count = table.Column<long>(type: "bigint", nullable: false),
                    first_position = table.Column<long>(type: "bigint", nullable: false),
                    last_position = table.Column<long>(type: "bigint", nullable: false),
                    archive_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_archives", x => x.month_start);
                });

            // ADR 0043: the table partitioned by month, keeping its rows; the writer's and the operator's functions.
            migrationBuilder.Sql(PartitioningSql.EnsureFunction);
            migrationBuilder.Sql(PartitioningSql.PartitionEntries);
            migrationBuilder.Sql(PartitioningSql.ArchiveFunction);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PartitioningSql.UnpartitionEntries);

            migrationBuilder.DropTable(
                name: "history_archives");
        }
    }
}
