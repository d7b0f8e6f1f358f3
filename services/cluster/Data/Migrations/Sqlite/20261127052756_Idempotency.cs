using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Clusters.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Idempotency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                columns: table => new
                {
                    method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    response = table.Column<byte[]>(type: "BLOB", nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotent_requests", x => new { x.method, x.request_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_requests_create_time",
                table: "idempotent_requests",
                column: "create_time");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotent_requests");
        }
    }
}
