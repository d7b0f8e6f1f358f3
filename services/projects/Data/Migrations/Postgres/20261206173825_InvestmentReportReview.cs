using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Projects.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InvestmentReportReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_investment_reports_year_month_project_id",
                table: "investment_reports");

            migrationBuilder.AddColumn<string>(
                name: "return_reason",
                table: "investment_reports",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "review_actor",
                table: "investment_reports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "review_state",
                table: "investment_reports",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<DateTime>(
                name: "review_time",
                table: "investment_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_investment_reports_year_month_project_id",
                table: "investment_reports",
                columns: new[] { "year", "month", "project_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "completed_investment_yuan", "review_state", "create_time" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_investment_reports_year_month_project_id",
                table: "investment_reports");

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

            migrationBuilder.CreateIndex(
                name: "ix_investment_reports_year_month_project_id",
                table: "investment_reports",
                columns: new[] { "year", "month", "project_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "completed_investment_yuan", "create_time" });
        }
    }
}
