using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Clusters.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubjectTombstones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "subject_tombstones",
                columns: table => new
                {
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    delete_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subject_tombstones", x => x.subject);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "subject_tombstones");
        }
    }
}
