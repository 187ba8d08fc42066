// Package loopback serves the local AWS endpoint (and the local HTTP API)
// safely on a developer's machine, where any web page the developer opens
// can send requests to 127.0.0.1:
//
//   - Guard refuses requests whose Host is not a loopback name or address
//     (localhost, *.localhost, 127.0.0.0/8, ::1), so a DNS-rebinding page
//     (Host: attacker.example resolving to 127.0.0.1) is turned away.
//     Containers that reach the endpoint by another name list it in
//     Config.AllowHosts.
//   - Unless Config.AllowBrowsers is set, Guard refuses browsers' requests
//     from other web pages: an Origin header whose host is not loopback (or
//     allowed); and, without an Origin, a request a browser marks as
//     cross-site (Sec-Fetch-Site) or a browser form post (Sec-Fetch-Mode or
//     a Mozilla user agent on a form or text/plain body). A page cannot send
//     Action=SendMessage to the local queues (CSRF), while a page on a
//     loopback origin (the console, a local web app) still can.
//   - Server returns an http.Server with header, read and idle timeouts, so
//     half-sent requests cannot hold connections open.
//
// It is not authentication: any program on the machine may still call the
// endpoint, as with any local development server. Requests never leave the
// process through it; it only refuses.
package loopback
