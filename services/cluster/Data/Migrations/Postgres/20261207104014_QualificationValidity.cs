using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Industry.Clusters.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QualificationValidity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_enterprise_qualifications",
                table: "enterprise_qualifications");

            migrationBuilder.AddColumn<long>(
                name: "id",
                table: "enterprise_qualifications",
                type: "bigint",
                nullable: false)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<string>(
                name: "revoke_reason",
                table: "enterprise_qualifications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "revoke_time",
                table: "enterprise_qualifications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revoke_year",
                table: "enterprise_qualifications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_from",
                table: "enterprise_qualifications",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_until",
                table: "enterprise_qualifications",
                type: "date",
                nullable: true);

            // Rows granted before validity was recorded: valid from 1 January of their year, as a grant without valid_from is now.
            migrationBuilder.Sql("UPDATE enterprise_qualifications SET valid_from = make_date(year, 1, 1);");

            migrationBuilder.AddPrimaryKey(
                name: "pk_enterprise_qualifications",
                table: "enterprise_qualifications",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_qualifications_uscc",
                table: "enterprise_qualifications",
                column: "uscc");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_qualifications_uscc_type",
                table: "enterprise_qualifications",
                columns: new[] { "uscc", "type" },
                unique: true,
                filter: "revoke_time IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_enterprise_qualifications",
                table: "enterprise_qualifications");

            migrationBuilder.DropIndex(
                name: "ix_enterprise_qualifications_uscc",
                table: "enterprise_qualifications");

            migrationBuilder.DropIndex(
                name: "ix_enterprise_qualifications_uscc_type",
                table: "enterprise_qualifications");

            migrationBuilder.DropColumn(
                name: "id",
                table: "enterprise_qualifications");

            migrationBuilder.DropColumn(
                name: "revoke_reason",
                table: "enterprise_qualifications");

            migrationBuilder.DropColumn(
                name: "revoke_time",
                table: "enterprise_qualifications");

            migrationBuilder.DropColumn(
                name: "revoke_year",
                table: "enterprise_qualifications");

            migrationBuilder.DropColumn(
                name: "valid_from",
                table: "enterprise_qualifications");

            migrationBuilder.DropColumn(
                name: "valid_until",
                table: "enterprise_qualifications");

            migrationBuilder.AddPrimaryKey(
                name: "pk_enterprise_qualifications",
                table: "enterprise_qualifications",
                columns: new[] { "uscc", "type" });
        }
    }
}
