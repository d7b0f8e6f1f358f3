using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Clusters.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdempotencyBySubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_idempotent_requests",
                table: "idempotent_requests");

            migrationBuilder.AddColumn<string>(
                name: "subject",
                table: "idempotent_requests",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "pk_idempotent_requests",
                table: "idempotent_requests",
                columns: new[] { "method", "subject", "request_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_idempotent_requests",
                table: "idempotent_requests");

            migrationBuilder.DropColumn(
                name: "subject",
                table: "idempotent_requests");

            migrationBuilder.AddPrimaryKey(
                name: "pk_idempotent_requests",
                table: "idempotent_requests",
                columns: new[] { "method", "request_id" });
        }
    }
}
