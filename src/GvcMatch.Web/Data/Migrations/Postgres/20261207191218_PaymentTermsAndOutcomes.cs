using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GvcMatch.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PaymentTermsAndOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PaidConfirmedByOrganizationId",
                table: "Offer",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PaidOn",
                table: "Offer",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Upheld",
                table: "Complaints",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaidConfirmedByOrganizationId",
                table: "Awards",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PaidOn",
                table: "Awards",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaymentTermsDays",
                table: "Awards",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PaidConfirmedByOrganizationId",
                table: "Offer");

            migrationBuilder.DropColumn(
                name: "PaidOn",
                table: "Offer");

            migrationBuilder.DropColumn(
                name: "Upheld",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "PaidConfirmedByOrganizationId",
                table: "Awards");

            migrationBuilder.DropColumn(
                name: "PaidOn",
                table: "Awards");

            migrationBuilder.DropColumn(
                name: "PaymentTermsDays",
                table: "Awards");
        }
    }
}
