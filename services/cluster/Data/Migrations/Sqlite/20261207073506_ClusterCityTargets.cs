using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Industry.Clusters.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClusterCityTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cluster_city_targets",
                columns: table => new
                {
                    city_code = table.Column<string>(type: "TEXT", nullable: false),
                    targets_year = table.Column<int>(type: "INTEGER", nullable: false),
                    advanced_manufacturing_clusters = table.Column<int>(type: "INTEGER", nullable: true),
                    provincial_sme_clusters = table.Column<int>(type: "INTEGER", nullable: true),
                    national_sme_clusters = table.Column<int>(type: "INTEGER", nullable: true),
                    innovative_smes = table.Column<int>(type: "INTEGER", nullable: true),
                    specialized_smes = table.Column<int>(type: "INTEGER", nullable: true),
                    little_giants = table.Column<int>(type: "INTEGER", nullable: true),
                    single_champions = table.Column<int>(type: "INTEGER", nullable: true),
                    new_above_size_enterprises = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cluster_city_targets", x => new { x.targets_year, x.city_code });
                    table.ForeignKey(
                        name: "fk_cluster_city_targets_cluster_targets_targets_year",
                        column: x => x.targets_year,
                        principalTable: "cluster_targets",
                        principalColumn: "year",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cluster_city_targets");
        }
    }
}
