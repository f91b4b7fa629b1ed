using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpenCountry",
                table: "GroupCertificates",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpenScope",
                table: "GroupCertificates",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OpenToNewMembers",
                table: "GroupCertificates",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "GroupCertificateJoinRequest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupCertificateId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupCertificateJoinRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupCertificateJoinRequest_GroupCertificates_GroupCertific~",
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
                name: "IX_GroupCertificateJoinRequest_GroupCertificateId_Organization~",
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
