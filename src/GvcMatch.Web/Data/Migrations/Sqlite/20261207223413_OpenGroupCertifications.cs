using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenGroupCertifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JoiningTakes",
                table: "GroupCertificates",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpenCountry",
                table: "GroupCertificates",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpenScope",
                table: "GroupCertificates",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OpenToNewMembers",
                table: "GroupCertificates",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "GroupCertificateJoinRequest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupCertificateId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupCertificateJoinRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupCertificateJoinRequest_GroupCertificates_GroupCertificateId",
                        column: x => x.GroupCertificateId,
                        principalTable: "GroupCertificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GroupCertificateJoinRequest_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GroupCertificateJoinRequest_GroupCertificateId_OrganizationId",
                table: "GroupCertificateJoinRequest",
                columns: new[] { "GroupCertificateId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GroupCertificateJoinRequest_OrganizationId",
                table: "GroupCertificateJoinRequest",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GroupCertificateJoinRequest");

            migrationBuilder.DropColumn(
                name: "JoiningTakes",
                table: "GroupCertificates");

            migrationBuilder.DropColumn(
                name: "OpenCountry",
                table: "GroupCertificates");

            migrationBuilder.DropColumn(
                name: "OpenScope",
                table: "GroupCertificates");

            migrationBuilder.DropColumn(
                name: "OpenToNewMembers",
                table: "GroupCertificates");
        }
    }
}
