namespace Parity.S3.Http;

/// <summary>The S3 errors this server returns, with the codes and statuses S3 uses for them.</summary>
internal static class S3Errors
{
    public static S3Exception AccessDenied(string message = "Access Denied.") =>
        new("AccessDenied", StatusCodes.Status403Forbidden, message);

    public static S3Exception InvalidAccessKeyId() =>
        new("InvalidAccessKeyId", StatusCodes.Status403Forbidden, "The AWS Access Key Id you provided does not exist in our records.");

    public static S3Exception SignatureDoesNotMatch(IReadOnlyList<KeyValuePair<string, string>>? details = null) =>
        new("SignatureDoesNotMatch", StatusCodes.Status403Forbidden,
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.")
        {
            Details = details ?? [],
        };

    public static S3Exception RequestTimeTooSkewed() =>
        new("RequestTimeTooSkewed", StatusCodes.Status403Forbidden,
            "The difference between the request time and the server's time is too large.");

    public static S3Exception AuthorizationHeaderMalformed(string message) =>
        new("AuthorizationHeaderMalformed", StatusCodes.Status400BadRequest, message);

    public static S3Exception AuthorizationQueryParametersError(string message) =>
        new("AuthorizationQueryParametersError", StatusCodes.Status400BadRequest, message);

    public static S3Exception InvalidRequest(string message) =>
        new("InvalidRequest", StatusCodes.Status400BadRequest, message);

    public static S3Exception InvalidArgument(string message) =>
        new("InvalidArgument", StatusCodes.Status400BadRequest, message);

    public static S3Exception ContentSha256Mismatch() =>
        new("XAmzContentSHA256Mismatch", StatusCodes.Status400BadRequest,
            "The provided 'x-amz-content-sha256' header does not match what was computed.");

    public static S3Exception BadDigest(string what) =>
        new("BadDigest", StatusCodes.Status400BadRequest, $"The {what} you specified did not match the calculated checksum.");

    public static S3Exception InvalidDigest(string what) =>
        new("InvalidDigest", StatusCodes.Status400BadRequest, $"The {what} you specified is not valid.");

    public static S3Exception IncompleteBody(string message = "You did not provide the number of bytes specified by the Content-Length HTTP header.") =>
        new("IncompleteBody", StatusCodes.Status400BadRequest, message);

    public static S3Exception MalformedTrailer(string message) =>
        new("MalformedTrailerError", StatusCodes.Status400BadRequest, message);

    public static S3Exception MalformedXml() =>
        new("MalformedXML", StatusCodes.Status400BadRequest,
            "The XML you provided was not well-formed or did not validate against our published schema.");

    public static S3Exception MissingContentLength() =>
        new("MissingContentLength", StatusCodes.Status411LengthRequired, "You must provide the Content-Length HTTP header.");

    public static S3Exception InvalidBucketName(string bucket) =>
        new("InvalidBucketName", StatusCodes.Status400BadRequest, $"The specified bucket is not valid: '{bucket}'.");

    public static S3Exception KeyTooLong() =>
        new("KeyTooLongError", StatusCodes.Status400BadRequest, "Your key is too long.");

    public static S3Exception NoSuchBucket() =>
        new("NoSuchBucket", StatusCodes.Status404NotFound, "The specified bucket does not exist.");

    public static S3Exception NoSuchKey() =>
        new("NoSuchKey", StatusCodes.Status404NotFound, "The specified key does not exist.");

    public static S3Exception NoSuchUpload() =>
        new("NoSuchUpload", StatusCodes.Status404NotFound,
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.");

    public static S3Exception BucketAlreadyOwnedByYou() =>
        new("BucketAlreadyOwnedByYou", StatusCodes.Status409Conflict,
            "Your previous request to create the named bucket succeeded and you already own it.");

    public static S3Exception BucketNotEmpty() =>
        new("BucketNotEmpty", StatusCodes.Status409Conflict, "The bucket you tried to delete is not empty.");

    public static S3Exception InvalidPart(string message = "One or more of the specified parts could not be found.") =>
        new("InvalidPart", StatusCodes.Status400BadRequest, message);

    public static S3Exception InvalidPartOrder() =>
        new("InvalidPartOrder", StatusCodes.Status400BadRequest, "The list of parts was not in ascending order.");

    public static S3Exception EntityTooSmall() =>
        new("EntityTooSmall", StatusCodes.Status400BadRequest, "Your proposed upload is smaller than the minimum allowed object size.");

    public static S3Exception InvalidRange() =>
        new("InvalidRange", StatusCodes.Status416RangeNotSatisfiable, "The requested range is not satisfiable.");

    public static S3Exception PreconditionFailed() =>
        new("PreconditionFailed", StatusCodes.Status412PreconditionFailed, "At least one of the preconditions you specified did not hold.");

    public static S3Exception MetadataTooLarge() =>
        new("MetadataTooLarge", StatusCodes.Status400BadRequest, "Your metadata headers exceed the maximum allowed metadata size.");

    public static S3Exception MaxMessageLengthExceeded() =>
        new("MaxMessageLengthExceeded", StatusCodes.Status400BadRequest, "Your request was too big.");

    public static S3Exception MethodNotAllowed() =>
        new("MethodNotAllowed", StatusCodes.Status405MethodNotAllowed, "The specified method is not allowed against this resource.");

    public static S3Exception NotImplemented() =>
        new("NotImplemented", StatusCodes.Status501NotImplemented, "A header or query you provided implies functionality that is not implemented.");
}
