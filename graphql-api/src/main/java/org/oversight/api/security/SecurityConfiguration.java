package org.oversight.api.security;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import org.oversight.api.viewer.Viewer;
import org.oversight.api.viewer.Viewers;

/**
 * Who may reach what. The GraphQL endpoint, the token endpoint and metrics need
 * credentials (HTTP Basic or a bearer token); health, the explorer page, the dashboard
 * page and signed download links do not. Missing or wrong credentials get a bare 401.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SignIns signIns, SecurityProperties properties)
			throws Exception {
		var jwtProvider = new org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider(
				signIns);
		jwtProvider.setJwtAuthenticationConverter(signIns);
		AuthenticationManager basic = new ProviderManager(signIns);
		AuthenticationManager bearer = new ProviderManager(jwtProvider);
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> response
			.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		http.csrf((csrf) -> csrf.disable())
			.cors(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
						.permitAll()
						.requestMatchers("/actuator/**")
						.hasRole("ADMIN")
						.requestMatchers("/", "/index.html", "/graphiql", "/graphiql/**", "/dashboard/**",
								"/webjars/**", "/favicon.ico", "/error", "/reports/download/**")
						.permitAll()
						.requestMatchers(HttpMethod.GET, "/graphql")
						.permitAll()
						.anyRequest()
						.authenticated())
			.httpBasic((httpBasic) -> httpBasic.authenticationEntryPoint(unauthorized))
			.authenticationManager(basic)
			.oauth2ResourceServer((server) -> server.authenticationEntryPoint(unauthorized)
				.jwt((jwt) -> jwt.authenticationManager(bearer)))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized))
			.headers((headers) -> headers.addHeaderWriter(contentSecurityPolicy()));
		return http.build();
	}

	/**
	 * The dashboard runs only its own scripts; the GraphiQL page (Spring for GraphQL's)
	 * loads its scripts and styles from esm.sh and has an inline bootstrap script.
	 */
	private static org.springframework.security.web.header.HeaderWriter contentSecurityPolicy() {
		String strict = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
				+ "img-src 'self' data: blob:; connect-src 'self' ws: wss:; frame-ancestors 'none'";
		String graphiql = "default-src 'self'; script-src 'self' 'unsafe-inline' https://esm.sh; "
				+ "style-src 'self' 'unsafe-inline' https://esm.sh; font-src 'self' data: https://esm.sh; "
				+ "img-src 'self' data:; connect-src 'self' ws: wss: https://esm.sh; frame-ancestors 'none'";
		var explorer = org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
			.matcher("/graphiql/**");
		var explorerPage = org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
			.withDefaults()
			.matcher("/graphiql");
		return (request, response) -> {
			boolean relaxed = explorer.matches(request) || explorerPage.matches(request);
			response.setHeader("Content-Security-Policy", relaxed ? graphiql : strict);
		};
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.corsOrigins().isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(properties.corsOrigins());
			cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
			cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
			cors.setMaxAge(3600L);
			source.registerCorsConfiguration("/**", cors);
		}
		return source;
	}

	@Bean
	Viewers.ViewerSource securityContextViewer() {
		return () -> {
			var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
				.getAuthentication();
			return (authentication != null && authentication.getPrincipal() instanceof Viewer viewer) ? viewer : null;
		};
	}

	@Bean
	ApplicationRunner bootstrapAdmin(AccountService accounts) {
		return (args) -> accounts.bootstrap();
	}

}
