using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Clusters.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Clusters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clusters",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    industry_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    lead_division_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    city_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    host_park_display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    host_park = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    chain_leaders = table.Column<List<string>>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    recognition_year = table.Column<int>(type: "integer", nullable: false),
                    revocation_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    revoke_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clusters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cluster_recognitions",
                columns: table => new
                {
                    level = table.Column<int>(type: "integer", nullable: false),
                    cluster_id = table.Column<string>(type: "character varying(63)", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    record_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cluster_recognitions", x => new { x.cluster_id, x.level });
                    table.ForeignKey(
                        name: "fk_cluster_recognitions_clusters_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "clusters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "revenue_reports",
                columns: table => new
                {
                    cluster_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    year_to_date_revenue_yuan = table.Column<long>(type: "bigint", nullable: false),
                    enterprise_count = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_revenue_reports", x => new { x.cluster_id, x.year, x.month });
                    table.ForeignKey(
                        name: "fk_revenue_reports_clusters_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "clusters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cluster_recognitions_year_level",
                table: "cluster_recognitions",
                columns: new[] { "year", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_clusters_city_code",
                table: "clusters",
                column: "city_code");

            migrationBuilder.CreateIndex(
                name: "ix_clusters_create_time_id",
                table: "clusters",
                columns: new[] { "create_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_clusters_display_name_id",
                table: "clusters",
                columns: new[] { "display_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_clusters_host_park",
                table: "clusters",
                column: "host_park");

            migrationBuilder.CreateIndex(
                name: "ix_clusters_industry_code",
                table: "clusters",
                column: "industry_code");

            migrationBuilder.CreateIndex(
                name: "ix_clusters_lead_division_code",
                table: "clusters",
                column: "lead_division_code");

            migrationBuilder.CreateIndex(
                name: "ix_clusters_recognition_year_id",
                table: "clusters",
                columns: new[] { "recognition_year", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_clusters_state_level",
                table: "clusters",
                columns: new[] { "state", "level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cluster_recognitions");

            migrationBuilder.DropTable(
                name: "revenue_reports");

            migrationBuilder.DropTable(
                name: "clusters");
        }
    }
}
