using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SustainabilityDisclosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Disclosure",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope1 = table.Column<long>(type: "INTEGER", nullable: true),
                    Scope2 = table.Column<long>(type: "INTEGER", nullable: true),
                    Scope3 = table.Column<long>(type: "INTEGER", nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EnergyMwh = table.Column<long>(type: "INTEGER", nullable: true),
                    RenewableSharePercent = table.Column<long>(type: "INTEGER", nullable: true),
                    WaterCubicMetres = table.Column<long>(type: "INTEGER", nullable: true),
                    HasPolicy = table.Column<bool>(type: "INTEGER", nullable: true),
                    PolicyDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CoversSuppliers = table.Column<bool>(type: "INTEGER", nullable: true),
                    Scheme = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Score = table.Column<long>(type: "INTEGER", nullable: true),
                    Medal = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DocumentKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DocumentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DocumentContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DocumentLength = table.Column<long>(type: "INTEGER", nullable: true),
                    DocumentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DocumentUploadedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disclosure_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_OrganizationId_Topic_Year",
                table: "Disclosure",
                columns: new[] { "OrganizationId", "Topic", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Disclosure");
        }
    }
}
