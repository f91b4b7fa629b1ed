using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConversationNdasAndNdaFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceContentType",
                table: "NdaTemplates",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceFileName",
                table: "NdaTemplates",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceProtectedKey",
                table: "NdaTemplates",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceStorageKey",
                table: "NdaTemplates",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProtectedDocumentId",
                table: "Message",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SourceContentType",
                table: "NdaTemplates");

            migrationBuilder.DropColumn(
                name: "SourceFileName",
                table: "NdaTemplates");

            migrationBuilder.DropColumn(
                name: "SourceProtectedKey",
                table: "NdaTemplates");

            migrationBuilder.DropColumn(
                name: "SourceStorageKey",
                table: "NdaTemplates");

            migrationBuilder.DropColumn(
                name: "ProtectedDocumentId",
                table: "Message");
        }
    }
}
