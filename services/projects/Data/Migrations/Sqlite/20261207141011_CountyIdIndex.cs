using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CountyIdIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_county_code",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "ix_projects_county_code_id",
                table: "projects",
                columns: new[] { "county_code", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_projects_county_code_id",
                table: "projects");

            migrationBuilder.CreateIndex(
                name: "ix_projects_county_code",
                table: "projects",
                column: "county_code");
        }
    }
}
