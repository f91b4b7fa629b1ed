using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificateScopesEvidenceAndNameMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "Certifications",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "SelfDeclared");

            // Certificates verified before evidence levels existed were confirmed by an admin or an intermediary.
            migrationBuilder.Sql(
                "UPDATE \"Certifications\" SET \"Evidence\" = 'VerifiedByIntermediary' WHERE \"Verified\" = 1;");

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "Certifications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidFrom",
                table: "Certifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CertificationNameMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MappedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    MappedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationNameMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CertificationNameMappings_Name",
                table: "CertificationNameMappings",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificationNameMappings");

            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "ValidFrom",
                table: "Certifications");
        }
    }
}
