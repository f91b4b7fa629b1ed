using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceFileName",
                table: "NdaTemplates",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceProtectedKey",
                table: "NdaTemplates",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceStorageKey",
                table: "NdaTemplates",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProtectedDocumentId",
                table: "Message",
                type: "INTEGER",
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
