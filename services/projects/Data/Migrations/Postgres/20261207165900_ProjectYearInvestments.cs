using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProjectYearInvestments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "project_year_investments",
                columns: table => new
                {
                    project_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    reported_months = table.Column<int>(type: "integer", nullable: false),
                    last_reported_before = table.Column<int>(type: "integer", nullable: false),
                    month01 = table.Column<long>(type: "bigint", nullable: false),
                    month02 = table.Column<long>(type: "bigint", nullable: false),
                    month03 = table.Column<long>(type: "bigint", nullable: false),
                    month04 = table.Column<long>(type: "bigint", nullable: false),
                    month05 = table.Column<long>(type: "bigint", nullable: false),
                    month06 = table.Column<long>(type: "bigint", nullable: false),
                    month07 = table.Column<long>(type: "bigint", nullable: false),
                    month08 = table.Column<long>(type: "bigint", nullable: false),
                    month09 = table.Column<long>(type: "bigint", nullable: false),
                    month10 = table.Column<long>(type: "bigint", nullable: false),
                    month11 = table.Column<long>(type: "bigint", nullable: false),
                    month12 = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_year_investments", x => new { x.project_id, x.year });
                    table.ForeignKey(
                        name: "fk_project_year_investments_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_project_year_investments_year",
                table: "project_year_investments",
                column: "year");

            // The rows of the approved reports stored so far; from here on every save keeps them (ADR 0047).
            migrationBuilder.Sql("""
                INSERT INTO project_year_investments (project_id, year, reported_months, last_reported_before, month01, month02, month03, month04, month05, month06, month07, month08, month09, month10, month11, month12)
                SELECT project_id, year, CAST(SUM(1 << (month - 1)) AS integer),
                    COALESCE(MAX(year * 12 + MAX(month)) OVER (PARTITION BY project_id ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0),
                    CAST(SUM(CASE WHEN month = 1 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                    CAST(SUM(CASE WHEN month = 2 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                    CAST(SUM(CASE WHEN month = 3 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                    CAST(SUM(CASE WHEN month = 4 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                    CAST(SUM(CASE WHEN month = 5 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                    CAST(SUM(CASE WHEN month = 6 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                    CAST(SUM(CASE WHEN month = 7 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                    CAST(SUM(CASE WHEN month = 8 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                    CAST(SUM(CASE WHEN month = 9 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                    CAST(SUM(CASE WHEN month = 10 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                    CAST(SUM(CASE WHEN month = 11 THEN completed_investment_yuan ELSE 0 END) AS bigint),
                    CAST(SUM(CASE WHEN month = 12 THEN completed_investment_yuan ELSE 0 END) AS bigint)
                FROM investment_reports
                WHERE review_state = 2
                GROUP BY project_id, year
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "project_year_investments");
        }
    }
}
