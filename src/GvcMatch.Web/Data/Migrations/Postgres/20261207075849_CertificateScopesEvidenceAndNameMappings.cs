using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CertificateScopesEvidenceAndNameMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Standard",
                table: "Certifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "Certifications",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "SelfDeclared");

            // Certificates verified before evidence levels existed were confirmed by an admin or an intermediary.
            migrationBuilder.Sql(
                "UPDATE \"Certifications\" SET \"Evidence\" = 'VerifiedByIntermediary' WHERE \"Verified\";");

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "Certifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidFrom",
                table: "Certifications",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CertificationNameMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MappedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    MappedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "Standard",
                table: "Certifications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);
        }
    }
}
