using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProjectSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "source",
                table: "projects",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "source",
                table: "projects");
        }
    }
}
