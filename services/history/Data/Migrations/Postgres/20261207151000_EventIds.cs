using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.History.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history_event_ids",
                columns: table => new
                {
                    event_id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_event_ids", x => x.event_id);
                });

            // The ids stored so far: the writer's duplicate check reads this table from now on (ADR 0043).
            migrationBuilder.Sql("INSERT INTO history_event_ids (event_id) SELECT event_id FROM history_entries ON CONFLICT DO NOTHING;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "history_event_ids");
        }
    }
}
