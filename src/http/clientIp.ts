/**
 * The client's address as the Express edge sees it (req.ip: the connection, or X-Forwarded-For
 * from a loopback proxy), handed to Payload's handlers in this header: a Fetch Request has no
 * socket. The edge always overwrites what a client sent under this name.
 */
export const CLIENT_IP_HEADER = 'x-newsroom-client-ip'
