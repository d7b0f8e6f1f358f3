using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Clusters.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnterpriseProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "above_size_exit_year",
                table: "enterprises",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "review_time",
                table: "enterprise_qualifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cluster_revenue_targets",
                columns: table => new
                {
                    cluster = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    targets_year = table.Column<int>(type: "integer", nullable: false),
                    revenue_yuan = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cluster_revenue_targets", x => new { x.targets_year, x.cluster });
                    table.ForeignKey(
                        name: "fk_cluster_revenue_targets_cluster_targets_targets_year",
                        column: x => x.targets_year,
                        principalTable: "cluster_targets",
                        principalColumn: "year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "per_mu_evaluations",
                columns: table => new
                {
                    uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    land_area_mu = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    tax_yuan = table.Column<long>(type: "bigint", nullable: false),
                    revenue_yuan = table.Column<long>(type: "bigint", nullable: false),
                    city_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_per_mu_evaluations", x => new { x.uscc, x.year });
                    table.ForeignKey(
                        name: "fk_per_mu_evaluations_enterprises_uscc",
                        column: x => x.uscc,
                        principalTable: "enterprises",
                        principalColumn: "uscc",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_above_size_exit_year_above_size_year",
                table: "enterprises",
                columns: new[] { "above_size_exit_year", "above_size_year" });

            migrationBuilder.CreateIndex(
                name: "ix_per_mu_evaluations_city_code_year",
                table: "per_mu_evaluations",
                columns: new[] { "city_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_per_mu_evaluations_year_grade",
                table: "per_mu_evaluations",
                columns: new[] { "year", "grade" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cluster_revenue_targets");

            migrationBuilder.DropTable(
                name: "per_mu_evaluations");

            migrationBuilder.DropIndex(
                name: "ix_enterprises_above_size_exit_year_above_size_year",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "above_size_exit_year",
                table: "enterprises");

            migrationBuilder.DropColumn(
                name: "review_time",
                table: "enterprise_qualifications");
        }
    }
}
