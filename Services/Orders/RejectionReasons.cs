namespace Orders;

/// <summary>Why an order was rejected, as stored, served and sent in <c>OrderStateChanged</c>.</summary>
public static class RejectionReasons
{
    public const string InsufficientCredit = "INSUFFICIENT_CREDIT";
    public const string UnknownCustomer = "UNKNOWN_CUSTOMER";
}
