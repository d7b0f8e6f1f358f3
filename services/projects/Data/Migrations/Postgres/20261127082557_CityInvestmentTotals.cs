using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CityInvestmentTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_tier_actual_start_date_actual_completion_date",
                table: "projects");

            migrationBuilder.CreateTable(
                name: "city_month_investments",
                columns: table => new
                {
                    city_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    completed_investment_yuan = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_city_month_investments", x => new { x.city_code, x.year, x.month });
                });

            // The totals of the reports stored so far; from here on every save keeps them (ADR 0014).
            migrationBuilder.Sql("""
                INSERT INTO city_month_investments (city_code, year, month, completed_investment_yuan)
                SELECT p.city_code, r.year, r.month, CAST(SUM(r.completed_investment_yuan) AS bigint)
                FROM investment_reports r JOIN projects p ON p.id = r.project_id
                GROUP BY p.city_code, r.year, r.month
                """);

            migrationBuilder.CreateIndex(
                name: "ix_projects_tier_actual_start_date_actual_completion_date",
                table: "projects",
                columns: new[] { "tier", "actual_start_date", "actual_completion_date" })
                .Annotation("Npgsql:IndexInclude", new[] { "city_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "city_month_investments");

            migrationBuilder.DropIndex(
                name: "ix_projects_tier_actual_start_date_actual_completion_date",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "ix_projects_tier_actual_start_date_actual_completion_date",
                table: "projects",
                columns: new[] { "tier", "actual_start_date", "actual_completion_date" });
        }
    }
}
