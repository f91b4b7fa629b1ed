using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Scope1 = table.Column<decimal>(type: "numeric", nullable: true),
                    Scope2 = table.Column<decimal>(type: "numeric", nullable: true),
                    Scope3 = table.Column<decimal>(type: "numeric", nullable: true),
                    Method = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EnergyMwh = table.Column<decimal>(type: "numeric", nullable: true),
                    RenewableSharePercent = table.Column<decimal>(type: "numeric", nullable: true),
                    WaterCubicMetres = table.Column<decimal>(type: "numeric", nullable: true),
                    HasPolicy = table.Column<bool>(type: "boolean", nullable: true),
                    PolicyDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CoversSuppliers = table.Column<bool>(type: "boolean", nullable: true),
                    Scheme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Score = table.Column<decimal>(type: "numeric", nullable: true),
                    Medal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DocumentKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DocumentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DocumentContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DocumentLength = table.Column<long>(type: "bigint", nullable: true),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DocumentUploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
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
