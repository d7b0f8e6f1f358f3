using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Clusters.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Enterprises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    county_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    city_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    gbt4754class = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    industry_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    above_size = table.Column<bool>(type: "INTEGER", nullable: false),
                    above_size_year = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprises", x => x.uscc);
                });

            migrationBuilder.CreateTable(
                name: "renovation_projects",
                columns: table => new
                {
                    project_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    tier = table.Column<int>(type: "INTEGER", nullable: false),
                    total_investment_yuan = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_investment_yuan = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_renovation_projects", x => x.project_id);
                });

            migrationBuilder.CreateTable(
                name: "cluster_members",
                columns: table => new
                {
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    join_year = table.Column<int>(type: "INTEGER", nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    create_actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cluster_members", x => new { x.cluster_id, x.uscc });
                    table.ForeignKey(
                        name: "fk_cluster_members_clusters_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "clusters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cluster_members_enterprises_uscc",
                        column: x => x.uscc,
                        principalTable: "enterprises",
                        principalColumn: "uscc",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_qualifications",
                columns: table => new
                {
                    uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    type = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    grant_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_qualifications", x => new { x.uscc, x.type });
                    table.ForeignKey(
                        name: "fk_enterprise_qualifications_enterprises_uscc",
                        column: x => x.uscc,
                        principalTable: "enterprises",
                        principalColumn: "uscc",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cluster_members_uscc_cluster_id",
                table: "cluster_members",
                columns: new[] { "uscc", "cluster_id" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_qualifications_type_uscc",
                table: "enterprise_qualifications",
                columns: new[] { "type", "uscc" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_qualifications_year_type",
                table: "enterprise_qualifications",
                columns: new[] { "year", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_above_size_above_size_year",
                table: "enterprises",
                columns: new[] { "above_size", "above_size_year" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_above_size_year_uscc",
                table: "enterprises",
                columns: new[] { "above_size_year", "uscc" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_city_code_uscc",
                table: "enterprises",
                columns: new[] { "city_code", "uscc" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_county_code_uscc",
                table: "enterprises",
                columns: new[] { "county_code", "uscc" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_create_time_uscc",
                table: "enterprises",
                columns: new[] { "create_time", "uscc" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_display_name_uscc",
                table: "enterprises",
                columns: new[] { "display_name", "uscc" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_gbt4754class_uscc",
                table: "enterprises",
                columns: new[] { "gbt4754class", "uscc" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_industry_code_uscc",
                table: "enterprises",
                columns: new[] { "industry_code", "uscc" });

            migrationBuilder.CreateIndex(
                name: "ix_renovation_projects_cluster_id_state",
                table: "renovation_projects",
                columns: new[] { "cluster_id", "state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cluster_members");

            migrationBuilder.DropTable(
                name: "enterprise_qualifications");

            migrationBuilder.DropTable(
                name: "renovation_projects");

            migrationBuilder.DropTable(
                name: "enterprises");
        }
    }
}
