using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Clusters.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnterpriseYearCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enterprises_above_size_above_size_year",
                table: "enterprises");

            migrationBuilder.DropIndex(
                name: "ix_enterprise_qualifications_year_type",
                table: "enterprise_qualifications");

            migrationBuilder.CreateTable(
                name: "above_size_year_changes",
                columns: table => new
                {
                    city_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    industry_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    net_change = table.Column<int>(type: "integer", nullable: false),
                    entered = table.Column<int>(type: "integer", nullable: false),
                    exited = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_above_size_year_changes", x => new { x.year, x.city_code, x.industry_code });
                });

            migrationBuilder.CreateTable(
                name: "qualification_year_grants",
                columns: table => new
                {
                    city_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    industry_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    granted = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qualification_year_grants", x => new { x.year, x.type, x.city_code, x.industry_code });
                });

            // The figures of the enterprises stored so far; from here on the writes keep them (EnterpriseYearCounts). A
            // copy of its statements over every enterprise, frozen here as the schema of this migration is.
            migrationBuilder.Sql("""
                INSERT INTO above_size_year_changes (year, city_code, industry_code, net_change, entered, exited)
                SELECT year, city_code, industry_code, CAST(SUM(net_change) AS integer), CAST(SUM(entered) AS integer), CAST(SUM(exited) AS integer)
                FROM (
                    SELECT above_size_year AS year, city_code, industry_code,
                        CASE WHEN above_size_exit_year > above_size_year OR (above_size_exit_year = 0 AND above_size) THEN 1 ELSE 0 END AS net_change,
                        1 AS entered, 0 AS exited
                    FROM enterprises WHERE above_size_year > 0
                    UNION ALL
                    SELECT above_size_exit_year, city_code, industry_code,
                        CASE WHEN above_size_year > 0 AND above_size_exit_year > above_size_year THEN -1 ELSE 0 END, 0, 1
                    FROM enterprises WHERE above_size_exit_year > 0
                ) AS changes
                GROUP BY year, city_code, industry_code
                """);
            migrationBuilder.Sql("""
                INSERT INTO qualification_year_grants (year, type, city_code, industry_code, granted)
                SELECT q.year, q.type, e.city_code, e.industry_code, CAST(COUNT(*) AS integer)
                FROM enterprise_qualifications AS q
                JOIN enterprises AS e ON e.uscc = q.uscc
                WHERE q.revoke_year IS NULL OR q.revoke_year > q.year
                GROUP BY q.year, q.type, e.city_code, e.industry_code
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "above_size_year_changes");

            migrationBuilder.DropTable(
                name: "qualification_year_grants");

            migrationBuilder.CreateIndex(
                name: "ix_enterprises_above_size_above_size_year",
                table: "enterprises",
                columns: new[] { "above_size", "above_size_year" });

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_qualifications_year_type",
                table: "enterprise_qualifications",
                columns: new[] { "year", "type" });
        }
    }
}
