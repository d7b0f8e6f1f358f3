using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Parks.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgressIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_transformation_milestones_year_city_code_level_enterprise_u",
                table: "transformation_milestones");

            migrationBuilder.CreateIndex(
                name: "ix_transformation_milestones_year_city_code_enterprise_uscc",
                table: "transformation_milestones",
                columns: new[] { "year", "city_code", "enterprise_uscc" })
                .Annotation("Npgsql:IndexInclude", new[] { "level" });

            migrationBuilder.CreateIndex(
                name: "ix_transformation_milestones_year_enterprise_uscc",
                table: "transformation_milestones",
                columns: new[] { "year", "enterprise_uscc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_transformation_milestones_year_city_code_enterprise_uscc",
                table: "transformation_milestones");

            migrationBuilder.DropIndex(
                name: "ix_transformation_milestones_year_enterprise_uscc",
                table: "transformation_milestones");

            migrationBuilder.CreateIndex(
                name: "ix_transformation_milestones_year_city_code_level_enterprise_u",
                table: "transformation_milestones",
                columns: new[] { "year", "city_code", "level", "enterprise_uscc" });
        }
    }
}
