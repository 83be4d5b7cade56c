using System.ComponentModel.DataAnnotations;

namespace Vigil.Dashboard.Components.Pages.Account;

/// <summary>The first Admin's details on the setup page.</summary>
public sealed class SetupModel
{
    [Required(ErrorMessage = "Enter the Admin's email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [MinLength(12, ErrorMessage = "Use at least 12 characters.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Repeat the password.")]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}
