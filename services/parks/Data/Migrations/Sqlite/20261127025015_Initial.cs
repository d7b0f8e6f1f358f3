using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Parks.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "digital_targets",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    parks_certified = table.Column<int>(type: "INTEGER", nullable: true),
                    enterprises_transformed = table.Column<int>(type: "INTEGER", nullable: true),
                    workshops_factories_leaders = table.Column<int>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digital_targets", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "digital_city_targets",
                columns: table => new
                {
                    city_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    targets_year = table.Column<int>(type: "INTEGER", nullable: false),
                    parks_certified = table.Column<int>(type: "INTEGER", nullable: true),
                    enterprises_transformed = table.Column<int>(type: "INTEGER", nullable: true),
                    workshops_factories_leaders = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digital_city_targets", x => new { x.targets_year, x.city_code });
                    table.ForeignKey(
                        name: "fk_digital_city_targets_digital_targets_targets_year",
                        column: x => x.targets_year,
                        principalTable: "digital_targets",
                        principalColumn: "year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "digital_targets",
                columns: new[] { "year", "create_time", "enterprises_transformed", "parks_certified", "update_actor", "update_time", "version", "workshops_factories_leaders" },
                values: new object[] { 2024, new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 6000, 20, "seed:anhui-2023-work-report", new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L, 200 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "digital_city_targets");

            migrationBuilder.DropTable(
                name: "digital_targets");
        }
    }
}
