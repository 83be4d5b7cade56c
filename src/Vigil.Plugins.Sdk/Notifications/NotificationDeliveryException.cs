namespace Vigil.Plugins.Sdk.Notifications;

/// <summary>
/// Thrown by <see cref="INotificationChannel.SendAsync"/> when the destination refused or could not be reached; the
/// console shows the message and the status code in its delivery log. Never put a secret (a token, a webhook URL)
/// in the message.
/// </summary>
public sealed class NotificationDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in one line.</param>
    /// <param name="statusCode">The remote's last response code (HTTP status, SMTP reply code), or null when none came.</param>
    /// <param name="innerException">The cause, or null.</param>
    public NotificationDeliveryException(string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    /// <summary>Creates the exception.</summary>
    public NotificationDeliveryException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public NotificationDeliveryException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public NotificationDeliveryException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The remote's last response code, or null when none came.</summary>
    public int? StatusCode { get; }
}
