using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvestmentReportReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "return_reason",
                table: "investment_reports",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "review_actor",
                table: "investment_reports",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "review_state",
                table: "investment_reports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<DateTime>(
                name: "review_time",
                table: "investment_reports",
                type: "TEXT",
                nullable: true);

            // The reports stored before the review were entered by city editors and province admins: approved at once
            // by their authors (ADR 0026).
            migrationBuilder.Sql("UPDATE investment_reports SET review_actor = update_actor, review_time = update_time");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "return_reason",
                table: "investment_reports");

            migrationBuilder.DropColumn(
                name: "review_actor",
                table: "investment_reports");

            migrationBuilder.DropColumn(
                name: "review_state",
                table: "investment_reports");

            migrationBuilder.DropColumn(
                name: "review_time",
                table: "investment_reports");
        }
    }
}
