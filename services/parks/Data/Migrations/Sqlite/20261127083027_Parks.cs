using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Parks.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Parks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "parks",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    county_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    city_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    park_type = table.Column<int>(type: "INTEGER", nullable: false),
                    lead_industry_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    above_size_enterprise_count = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    certification_year = table.Column<int>(type: "INTEGER", nullable: false),
                    certification_batch = table.Column<int>(type: "INTEGER", nullable: false),
                    rejection_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    revocation_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    state_change_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transformations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 82, nullable: false),
                    park_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    enterprise_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    enterprise_display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    city_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    project = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transformations", x => x.id);
                    table.ForeignKey(
                        name: "fk_transformations_parks_park_id",
                        column: x => x.park_id,
                        principalTable: "parks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transformation_milestones",
                columns: table => new
                {
                    transformation_id = table.Column<string>(type: "TEXT", maxLength: 82, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    park_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    enterprise_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    city_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    project = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    record_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transformation_milestones", x => new { x.transformation_id, x.level });
                    table.ForeignKey(
                        name: "fk_transformation_milestones_transformations_transformation_id",
                        column: x => x.transformation_id,
                        principalTable: "transformations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_parks_certification_year_id",
                table: "parks",
                columns: new[] { "certification_year", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_parks_certification_year_state_city_code",
                table: "parks",
                columns: new[] { "certification_year", "state", "city_code" });

            migrationBuilder.CreateIndex(
                name: "ix_parks_city_code",
                table: "parks",
                column: "city_code");

            migrationBuilder.CreateIndex(
                name: "ix_parks_county_code",
                table: "parks",
                column: "county_code");

            migrationBuilder.CreateIndex(
                name: "ix_parks_create_time_id",
                table: "parks",
                columns: new[] { "create_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_parks_display_name_id",
                table: "parks",
                columns: new[] { "display_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_parks_lead_industry_code",
                table: "parks",
                column: "lead_industry_code");

            migrationBuilder.CreateIndex(
                name: "ix_parks_state",
                table: "parks",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "ix_transformation_milestones_park_id",
                table: "transformation_milestones",
                column: "park_id");

            migrationBuilder.CreateIndex(
                name: "ix_transformation_milestones_year_city_code_level_enterprise_uscc",
                table: "transformation_milestones",
                columns: new[] { "year", "city_code", "level", "enterprise_uscc" });

            migrationBuilder.CreateIndex(
                name: "ix_transformation_milestones_year_transformation_id",
                table: "transformation_milestones",
                columns: new[] { "year", "transformation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_transformations_city_code_id",
                table: "transformations",
                columns: new[] { "city_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_transformations_enterprise_display_name_id",
                table: "transformations",
                columns: new[] { "enterprise_display_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_transformations_enterprise_uscc",
                table: "transformations",
                column: "enterprise_uscc");

            migrationBuilder.CreateIndex(
                name: "ix_transformations_level_id",
                table: "transformations",
                columns: new[] { "level", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_transformations_park_id_enterprise_uscc",
                table: "transformations",
                columns: new[] { "park_id", "enterprise_uscc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transformations_park_id_id",
                table: "transformations",
                columns: new[] { "park_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_transformations_project",
                table: "transformations",
                column: "project");

            migrationBuilder.CreateIndex(
                name: "ix_transformations_update_time_id",
                table: "transformations",
                columns: new[] { "update_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_transformations_year_id",
                table: "transformations",
                columns: new[] { "year", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transformation_milestones");

            migrationBuilder.DropTable(
                name: "transformations");

            migrationBuilder.DropTable(
                name: "parks");
        }
    }
}
