using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupportProgrammeDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupportProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeedKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SizeBands = table.Column<string>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportProgrammes_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportProgrammes_Kind_Country",
                table: "SupportProgrammes",
                columns: new[] { "Kind", "Country" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportProgrammes_OrganizationId",
                table: "SupportProgrammes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportProgrammes_SeedKey",
                table: "SupportProgrammes",
                column: "SeedKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupportProgrammes");
        }
    }
}
