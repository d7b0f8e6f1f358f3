using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.History.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history_entries",
                columns: table => new
                {
                    position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    subject_version = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    occur_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    store_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    city_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    county_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    trace_parent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_entries", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    receive_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.consumer, x.message_id });
                });

            migrationBuilder.CreateTable(
                name: "inbox_subject_versions",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_subject_versions", x => new { x.consumer, x.subject });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    subject_version = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    occur_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    trace_parent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    trace_state = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    dispatch_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    quarantine_time = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

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

            migrationBuilder.CreateIndex(
                name: "ix_history_entries_actor_occur_time",
                table: "history_entries",
                columns: new[] { "actor", "occur_time" });

            migrationBuilder.CreateIndex(
                name: "ix_history_entries_city_code_occur_time",
                table: "history_entries",
                columns: new[] { "city_code", "occur_time" });

            migrationBuilder.CreateIndex(
                name: "ix_history_entries_event_id",
                table: "history_entries",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_history_entries_occur_time_event_id",
                table: "history_entries",
                columns: new[] { "occur_time", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_history_entries_subject_subject_version",
                table: "history_entries",
                columns: new[] { "subject", "subject_version" });

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_receive_time",
                table: "inbox_messages",
                column: "receive_time");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_dispatch_time",
                table: "outbox_messages",
                column: "dispatch_time",
                filter: "dispatch_time IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                column: "id",
                filter: "dispatch_time IS NULL AND quarantine_time IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_quarantined",
                table: "outbox_messages",
                column: "id",
                filter: "quarantine_time IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "history_entries");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "inbox_subject_versions");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "subject_tombstones");
        }
    }
}
