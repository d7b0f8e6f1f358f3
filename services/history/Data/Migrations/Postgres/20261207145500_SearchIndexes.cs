using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.History.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_history_entries_county_code_occur_time",
                table: "history_entries",
                columns: new[] { "county_code", "occur_time" });

            migrationBuilder.CreateIndex(
                name: "ix_history_entries_event_type_occur_time",
                table: "history_entries",
                columns: new[] { "event_type", "occur_time" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_history_entries_county_code_occur_time",
                table: "history_entries");

            migrationBuilder.DropIndex(
                name: "ix_history_entries_event_type_occur_time",
                table: "history_entries");
        }
    }
}
