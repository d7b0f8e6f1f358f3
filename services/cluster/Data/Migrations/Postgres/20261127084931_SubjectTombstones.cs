using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Clusters.Data.Migrations.Postgres
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
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    delete_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
