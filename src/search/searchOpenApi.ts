import { SITE_LOCALES } from '../site/siteLocales'
import { MAX_QUERY_LENGTH, MAX_SEARCH_LIMIT } from './searchEndpoint'
import { COUNTED_MATCHES } from './searchStore'

/** GET /api/search in the public OpenAPI document (src/delivery/buildOpenApiDocument.ts). */
export const SEARCH_OPENAPI_PATHS = {
  '/api/search': {
    get: {
      operationId: 'searchArticles',
      summary: 'Search published stories by words (simplified or traditional script, pinyin for names)',
      tags: ['search'],
      parameters: [
        { name: 'q', in: 'query', required: true, description: 'Words to find, all of them; search syntax is plain text', schema: { type: 'string', minLength: 1, maxLength: MAX_QUERY_LENGTH } },
        { name: 'district', in: 'query', description: 'District slug (anyuan) or id', schema: { type: 'string' } },
        { name: 'from', in: 'query', description: 'Published on or after: a date (a Beijing day) or an ISO 8601 time', schema: { type: 'string' } },
        { name: 'to', in: 'query', description: 'Published on or before: a date (a Beijing day) or an ISO 8601 time', schema: { type: 'string' } },
        { name: 'locale', in: 'query', schema: { type: 'string', enum: [...SITE_LOCALES], default: 'zh-Hans' } },
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_LIMIT, default: 10 } },
      ],
      responses: {
        200: {
          description: 'A page of published stories, best match first',
          headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } },
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  docs: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        id: { type: 'string' },
                        slug: { type: ['string', 'null'] },
                        title: { type: 'string' },
                        summary: { type: ['string', 'null'] },
                        publishedAt: { type: ['string', 'null'], format: 'date-time' },
                        districts: { type: 'array', items: { type: 'string', description: 'District ID' } },
                        snippet: { type: 'string', description: 'HTML: escaped text with <mark> around the matched words' },
                      },
                    },
                  },
                  totalDocs: { type: 'integer', description: `Matching stories, counted up to ${COUNTED_MATCHES.toLocaleString('en')} (or to the end of the page asked for, if further)` },
                  totalDocsCapped: { type: 'boolean', description: `true when more stories match than totalDocs: counting stopped at ${COUNTED_MATCHES.toLocaleString('en')}` },
                  page: { type: 'integer' },
                  totalPages: { type: 'integer' },
                },
              },
            },
          },
        },
        304: { description: 'Not modified (If-None-Match matched the ETag)' },
        400: { description: 'q missing, empty or longer than 200 characters; a bad date, page or limit' },
        429: { description: 'Rate limit exceeded; see Retry-After' },
      },
    },
  },
}
