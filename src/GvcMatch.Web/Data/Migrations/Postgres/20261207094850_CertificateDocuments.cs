using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CertificateDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DocumentContentType",
                table: "Certifications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentKey",
                table: "Certifications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DocumentLength",
                table: "Certifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentName",
                table: "Certifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentSha256",
                table: "Certifications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DocumentUploadedAt",
                table: "Certifications",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DocumentContentType",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "DocumentKey",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "DocumentLength",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "DocumentName",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "DocumentSha256",
                table: "Certifications");

            migrationBuilder.DropColumn(
                name: "DocumentUploadedAt",
                table: "Certifications");
        }
    }
}
