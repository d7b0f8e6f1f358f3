using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Clusters.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cluster_targets",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    advanced_manufacturing_clusters = table.Column<int>(type: "INTEGER", nullable: true),
                    provincial_sme_clusters = table.Column<int>(type: "INTEGER", nullable: true),
                    national_sme_clusters = table.Column<int>(type: "INTEGER", nullable: true),
                    innovative_smes = table.Column<int>(type: "INTEGER", nullable: true),
                    specialized_smes = table.Column<int>(type: "INTEGER", nullable: true),
                    little_giants = table.Column<int>(type: "INTEGER", nullable: true),
                    single_champions = table.Column<int>(type: "INTEGER", nullable: true),
                    new_above_size_enterprises = table.Column<int>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cluster_targets", x => x.year);
                });

            migrationBuilder.InsertData(
                table: "cluster_targets",
                columns: new[] { "year", "advanced_manufacturing_clusters", "create_time", "innovative_smes", "little_giants", "national_sme_clusters", "new_above_size_enterprises", "provincial_sme_clusters", "single_champions", "specialized_smes", "update_actor", "update_time", "version" },
                values: new object[] { 2024, 15, new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 3000, null, null, 2500, 25, null, 1500, "seed:anhui-2023-work-report", new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 1L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cluster_targets");
        }
    }
}
