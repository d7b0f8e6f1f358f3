using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    target_key_projects_under_implementation = table.Column<int>(type: "integer", nullable: true),
                    target_investment_growth_percent = table.Column<double>(type: "double precision", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "plan_city_targets",
                columns: table => new
                {
                    city_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    plan_year = table.Column<int>(type: "integer", nullable: false),
                    target_key_projects_under_implementation = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_city_targets", x => new { x.plan_year, x.city_code });
                    table.ForeignKey(
                        name: "fk_plan_city_targets_plans_plan_year",
                        column: x => x.plan_year,
                        principalTable: "plans",
                        principalColumn: "year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "plans",
                columns: new[] { "year", "create_time", "target_investment_growth_percent", "target_key_projects_under_implementation", "update_actor", "update_time", "version" },
                values: new object[] { 2024, new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, 1200, "seed:anhui-2023-work-report", new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_city_targets");

            migrationBuilder.DropTable(
                name: "plans");
        }
    }
}
