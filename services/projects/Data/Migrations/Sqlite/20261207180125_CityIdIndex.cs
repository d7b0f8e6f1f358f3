using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CityIdIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_city_code_state",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "ix_projects_city_code_id",
                table: "projects",
                columns: new[] { "city_code", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_city_code_id",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "ix_projects_city_code_state",
                table: "projects",
                columns: new[] { "city_code", "state" });
        }
    }
}
