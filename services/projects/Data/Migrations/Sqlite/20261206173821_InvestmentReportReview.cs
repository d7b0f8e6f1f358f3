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
